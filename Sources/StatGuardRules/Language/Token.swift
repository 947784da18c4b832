/// A token of the rule language, with the column (1-based, in characters) where it starts.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(String)  // and or not in if then else true false
        case symbol(String)   // ( ) [ ] , + - * / < <= > >= == !=
        case end
    }

    var kind: Kind
    var column: Int

    var description: String {
        switch kind {
        case .number(let n): "number \(n)"
        case .string(let s): "string \"\(s)\""
        case .identifier(let name): "'\(name)'"
        case .keyword(let word): "'\(word)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end of the expression"
        }
    }
}

/// Splits an expression into tokens.
enum Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "if", "then", "else", "true", "false"]

    /// The tokens of `text`, ending with `.end`; at most ``ExpressionLimits/tokens`` of them before the end.
    static func tokens(_ text: String) throws(RuleSyntaxError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            guard tokens.count < ExpressionLimits.tokens else {
                throw RuleSyntaxError(
                    column: column,
                    message: "the expression is too long: more than \(ExpressionLimits.tokens) names, numbers and symbols; split it into several rules")
            }
            if c.isNumber && c.isASCII || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count && (chars[j].isNumber && chars[j].isASCII || chars[j] == "." || chars[j] == "_") { j += 1 }
                if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
                    var k = j + 1
                    if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
                    if k < chars.count && chars[k].isNumber { j = k; while j < chars.count && chars[j].isNumber { j += 1 } }
                }
                let literal = String(chars[i..<j]).replacingOccurrences(of: "_", with: "")
                guard let value = Double(literal) else { throw RuleSyntaxError(column: column, message: "'\(literal)' is not a number") }
                guard value.isFinite else { throw RuleSyntaxError(column: column, message: "'\(literal)' is too large a number") }
                tokens.append(Token(kind: .number(value), column: column))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), column: column))
                i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count && chars[j] != c { j += 1 }
                guard j < chars.count else { throw RuleSyntaxError(column: column, message: "the string opened here never closes") }
                tokens.append(Token(kind: .string(String(chars[(i + 1)..<j])), column: column))
                i = j + 1
            } else {
                let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
                if ["<=", ">=", "==", "!="].contains(two) {
                    tokens.append(Token(kind: .symbol(two), column: column))
                    i += 2
                } else if "()[],+-*/<>".contains(c) {
                    tokens.append(Token(kind: .symbol(String(c)), column: column))
                    i += 1
                } else if c == "=" {
                    throw RuleSyntaxError(column: column, message: "'=' alone is not an operator; compare with '=='")
                } else {
                    throw RuleSyntaxError(column: column, message: "'\(c)' is not part of the rule language")
                }
            }
        }
        tokens.append(Token(kind: .end, column: chars.count + 1))
        return tokens
    }
}

/// A syntax or type error inside one expression, at a column of it.
struct RuleSyntaxError: Error {
    var column: Int
    var message: String
}
