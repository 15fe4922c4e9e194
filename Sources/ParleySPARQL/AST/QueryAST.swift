import ParleyRDF

/// `SELECT [DISTINCT|REDUCED] (items | *)`.
struct SelectClauseAST: Hashable, Sendable {
    var modifier: SelectModifier = .none
    /// `nil` for `*`.
    var items: [SelectItem]?
    /// Where the SELECT keyword is, for errors about `*`.
    var position: TextPosition
}

/// One projection of a SELECT clause, with its position for scope errors.
enum SelectItem: Hashable, Sendable {
    case variable(String, at: TextPosition)
    case expression(Expression, as: String, at: TextPosition)
}

/// One GROUP BY key.
enum GroupCondition: Hashable, Sendable {
    case variable(String)
    case expression(Expression, as: String?, at: TextPosition)
}

/// GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.
struct SolutionModifierAST: Hashable, Sendable {
    var groupBy: [GroupCondition] = []
    var having: [Expression] = []
    var orderBy: [OrderCondition] = []
    var offset = 0
    var limit: Int?
}

/// A SELECT query or sub-select, before translation.
struct SelectQueryAST: Hashable, Sendable {
    var select: SelectClauseAST
    var pattern: GroupPatternAST
    var modifiers: SolutionModifierAST
    var values: ValuesTable?
}
