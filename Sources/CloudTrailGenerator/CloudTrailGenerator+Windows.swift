extension CloudTrailGenerator {
    /// The files of delivery window `window`, in a fixed order (account, then region).
    func files(inWindow window: Int) -> [GeneratedFile] {
        var random = RandomSource(seed: configuration.seed, stream: UInt64(window) &+ 1)
        let windowStart = start + Int64(window) * Self.windowSeconds
        let regionCount = configuration.regions.count
        var groups = [[[UInt8]]](repeating: [], count: accounts.count * regionCount)
        var buffer = JSONBuffer(capacity: 4096)

        func add(_ draft: EventDraft) {
            buffer.reset()
            draft.render(into: &buffer)
            let region = regionIndex[draft.region] ?? 0
            groups[draft.account * regionCount + region].append(buffer.bytes)
        }

        for _ in 0..<backgroundPlan[window] {
            let time = windowStart + Int64(random.below(Int(Self.windowSeconds)))
            add(backgroundDraft(random: &random, time: time))
        }
        for draft in plantedByWindow[window] ?? [] {
            add(draft)
        }

        // CloudTrail names objects after the end of the delivery window.
        let stamp = windowStart + Self.windowSeconds
        var files: [GeneratedFile] = []
        for (key, records) in groups.enumerated() where !records.isEmpty {
            let account = accounts[key / regionCount]
            let region = configuration.regions[key % regionCount]
            var shuffled = records
            shuffled.shuffleDeterministically(&random)
            var offset = 0
            while offset < shuffled.count {
                let end = min(offset + configuration.recordsPerFile, shuffled.count)
                let json = Self.document(records: shuffled[offset..<end])
                let path = Self.objectPath(
                    account: account.id, region: region, stamp: stamp, suffix: random.alphanumeric(16)
                )
                files.append(
                    GeneratedFile(
                        relativePath: path, json: json, recordCount: end - offset, accountID: account.id, region: region
                    ))
                offset = end
            }
        }
        return files
    }

    /// `{"Records":[…]}` from already-rendered records.
    static func document(records: ArraySlice<[UInt8]>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(records.reduce(16) { $0 + $1.count + 1 })
        output.append(contentsOf: #"{"Records":["#.utf8)
        var first = true
        for record in records {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: record)
            first = false
        }
        output.append(contentsOf: "]}".utf8)
        return output
    }

    /// `AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/` followed by
    /// `<acct>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<suffix>.json.gz`.
    static func objectPath(account: String, region: String, stamp: Int64, suffix: String) -> String {
        let folder = "AWSLogs/\(account)/CloudTrail/\(region)/\(UTCTime.folderDate(stamp))"
        return "\(folder)/\(account)_CloudTrail_\(region)_\(UTCTime.fileStamp(stamp))_\(suffix).json.gz"
    }
}
