import Foundation

/// Parses SQL with PyPI's sqlglot, in one python3 process for many statements.
enum SQLGlot {
    static let isAvailable: Bool = (try? run(["-c", "import sqlglot"], input: Data())) == 0

    static let script = """
        import json, sys, sqlglot
        statements = json.load(sys.stdin)
        dialect = sys.argv[1]
        failures = []
        for index, sql in enumerate(statements):
            try:
                parsed = sqlglot.parse(sql, read=dialect, error_level=sqlglot.ErrorLevel.RAISE)
                if len([p for p in parsed if p is not None]) != 1:
                    failures.append("statement %d: not exactly one statement" % index)
            except Exception as error:
                failures.append("statement %d: %s" % (index, str(error).splitlines()[0]))
        json.dump(failures, sys.stdout)
        """

    /// The statements sqlglot could not parse, with its message.
    static func parse(_ statements: [String], dialect: String) throws -> [String] {
        let input = try JSONSerialization.data(withJSONObject: statements)
        var output = Data()
        let status = try run(["-c", script, dialect], input: input, output: &output)
        guard status == 0, let failures = try JSONSerialization.jsonObject(with: output) as? [String] else {
            return ["sqlglot exited with status \(status)"]
        }
        return failures
    }

    @discardableResult
    static func run(_ arguments: [String], input: Data) throws -> Int32 {
        var ignored = Data()
        return try run(arguments, input: input, output: &ignored)
    }

    static func run(_ arguments: [String], input: Data, output: inout Data) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let standardInput = Pipe()
        let standardOutput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = FileHandle.nullDevice
        try process.run()
        standardInput.fileHandleForWriting.write(input)
        try standardInput.fileHandleForWriting.close()
        output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
