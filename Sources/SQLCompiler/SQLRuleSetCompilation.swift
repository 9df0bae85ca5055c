import DetectionRules

/// The outcome of compiling many rules: those translated and those refused, with the reason.
public struct SQLRuleSetCompilation: Sendable {
    public struct Refusal: Sendable {
        public var rule: DetectionRule
        public var error: SQLCompileError
    }

    public var compiled: [CompiledSQLRule]
    public var refused: [Refusal]

    /// Compiles every rule, keeping going past refusals.
    public static func compile(_ rules: [DetectionRule], with compiler: SQLRuleCompiler) -> SQLRuleSetCompilation {
        var outcome = SQLRuleSetCompilation(compiled: [], refused: [])
        for rule in rules {
            do {
                outcome.compiled.append(try compiler.compile(rule))
            } catch {
                outcome.refused.append(Refusal(rule: rule, error: error))
            }
        }
        return outcome
    }
}
