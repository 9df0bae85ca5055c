/// Why a command line was refused: the words for the status line.
struct CommandLineError: Error, Sendable, Hashable {
    var message: String
}
