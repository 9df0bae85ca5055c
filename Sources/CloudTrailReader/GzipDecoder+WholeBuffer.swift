import CLibDeflate

extension GzipDecoder {
    /// Decompresses `input` with libdeflate into one buffer sized from its gzip trailer, or
    /// returns `nil` when that does not give the whole output cleanly and exactly as zlib would.
    ///
    /// `nil` sends the input to zlib's streaming inflate, which then decides what is kept and why
    /// reading stopped: corrupt or truncated data, a limit passed, or a size this cannot judge
    /// the way zlib does. A clean file gives the same bytes either way.
    ///
    /// The limits are judged where zlib judges them: at the end of each member, and when its
    /// buffer fills. libdeflate cannot say how much input a buffer's worth of output took, so
    /// the buffer may grow past the trailer's claim (a multi-member file, whose trailer gives only
    /// the last member's size, or a trailer that understates) only while the output stays below
    /// ``ReadLimits/ratioFloorBytes``, where zlib does not judge the ratio either.
    static func decompressWhole(_ input: UnsafeBufferPointer<UInt8>, limits: ReadLimits) -> Output? {
        guard let inputBase = input.baseAddress, let claimed = trailerSize(of: input, limits: limits),
            let decompressor = libdeflate_alloc_decompressor()
        else {
            return nil
        }
        defer { libdeflate_free_decompressor(decompressor) }
        // One byte of room past the claim, as zlib's first buffer has.
        var capacity = min(claimed + 1, limits.maxFileBytes + 1)
        var grown = false
        var decoded: [UInt8] = []
        var consumed = 0
        while true {
            var outcome = WholeBufferOutcome.failed
            // Each attempt starts from the members already decoded and adds the rest.
            let attempt = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                guard let outputBase = buffer.baseAddress else { return }
                decoded.withUnsafeBufferPointer { done in
                    if let doneBase = done.baseAddress { outputBase.update(from: doneBase, count: done.count) }
                }
                var produced = decoded.count
                while true {
                    // zlib checks a member's header CRC and libdeflate skips it: such members go to zlib.
                    guard input.count - consumed > 3, inputBase[consumed + 3] & Self.headerCRCFlag == 0 else { break }
                    var memberIn = 0
                    var memberOut = 0
                    let result = libdeflate_gzip_decompress_ex(
                        decompressor, inputBase + consumed, input.count - consumed,
                        outputBase + produced, capacity - produced, &memberIn, &memberOut)
                    if result == LIBDEFLATE_INSUFFICIENT_SPACE {
                        outcome = .tooSmall
                        break
                    }
                    guard result == LIBDEFLATE_SUCCESS,
                        excess(produced: produced + memberOut, consumed: consumed + memberIn, limits: limits) == nil
                    else {
                        break
                    }
                    consumed += memberIn
                    produced += memberOut
                    let remaining = input.count - consumed
                    if remaining == 0 || onlyZeros(inputBase + consumed, count: remaining) {
                        outcome = .complete
                        break
                    }
                }
                initialized = produced
            }
            switch outcome {
            case .complete:
                // A full buffer is where zlib would judge the limits mid-member.
                let judgedByZlib = attempt.count == capacity || (grown && attempt.count >= ReadLimits.ratioFloorBytes)
                return judgedByZlib ? nil : Output(bytes: attempt, failure: nil)
            case .failed:
                return nil
            case .tooSmall:
                let next = min(capacity * 2, limits.maxFileBytes + 1, ReadLimits.ratioFloorBytes)
                guard next > capacity else { return nil }
                decoded = attempt
                capacity = next
                grown = true
            }
        }
    }

    /// FHCRC in a gzip header's flag byte (RFC 1952, section 2.3.1).
    private static let headerCRCFlag: UInt8 = 0x02

    private enum WholeBufferOutcome {
        case complete, tooSmall, failed
    }
}
