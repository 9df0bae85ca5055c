import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

/// Hands `target` to libFuzzer with this process's arguments, and exits with its status.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    exit(trailtriage_run_fuzzer(CommandLine.argc, CommandLine.unsafeArgv, target))
}
