import Foundation
import StatGuardCore

/// The rules that decide whether an alert is about a label: the same rules for
/// recall, precision, precision at K and hard negatives.
///
/// - **Enterprise label** (credit code set): an alert matches when its `period`
///   is the label's and its `credit_code` corresponds to the label's
///   (``codesCorrespond(label:alert:)``). For recall the alert's `category` must
///   also be the label's; for precision any label of that enterprise-period will do.
///   A structure label is also detected by a `file`-scope structure alert of its
///   period whose `region_code` equals the label's: a quarantined row whose credit
///   code was unusable is reported without one, but with the row's region code.
/// - **Region label** (blank credit code): an alert matches when its `scope` is
///   `region`, its `period` is the label's, and the region codes are related by
///   prefix (``regionsRelated(_:_:)``); for recall the category must match too.
/// - Alerts of scope `industry` or `file` match no label: precision leaves them out
///   and counts them apart.
public enum AlertMatching {
    /// Whether an alert's credit code names the label's enterprise: equal; or 18
    /// characters with the same first 17 (the check character was mistyped); or
    /// Excel's scientific form of the label's all-digit code (`9.13502E+17`, equal
    /// to the code within the digits shown). The last two exist because a structural
    /// alert shows the code as it arrived, while the label carries the intended one.
    public static func codesCorrespond(label: String, alert: String) -> Bool {
        if label == alert { return true }
        let l = Array(label.utf8)
        let a = Array(alert.uppercased().utf8)
        guard l.count == 18, !a.isEmpty else { return false }
        if a.count == 18 { return a[0..<17] == l[0..<17] }
        guard let e = a.firstIndex(where: { $0 == 0x45 }), l.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Double(alert), let exact = Double(label) else { return false }
        let shown = a[..<e].filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard let exponent = Int(String(decoding: a[(e + 1)...], as: UTF8.self).replacingOccurrences(of: "+", with: "")) else { return false }
        let tolerance = 0.5 * pow(10, Double(exponent - (shown - 1))) * 1.000001
        return abs(value - exact) <= tolerance
    }

    /// Whether an alert code may stand for a different intended code (not a valid credit code).
    static func isMalformed(_ code: String) -> Bool {
        if code.isEmpty { return false }
        if case .success = CreditCode.parse(code) { return false }
        return true
    }

    /// The code up to its level: province (2 digits), city (4), county (6), town (9)
    /// or village (12): the shortest prefix after which every digit is 0.
    public static func significantPrefix(_ code: String) -> Substring {
        let digits = Array(code.utf8)
        for length in [2, 4, 6, 9] where length <= digits.count {
            if digits[length...].allSatisfy({ $0 == 0x30 }) { return code.prefix(length) }
        }
        return Substring(code)
    }

    /// Whether two region codes are the same region or one contains the other
    /// (a county alert matches a label on one of its towns, and the reverse).
    public static func regionsRelated(_ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let pa = significantPrefix(a)
        let pb = significantPrefix(b)
        return pa.hasPrefix(pb) || pb.hasPrefix(pa)
    }

    /// The rules as printed under the evaluation table.
    public static let explanation = """
        Matching rules:
          recall     an enterprise label is detected when an alert has the same period, a corresponding
                     credit code (equal; same first 17 characters; or Excel's 9.13502E+17 form of it) and
                     the label's category; a structure label also by a scope=file structure alert of that
                     period with the label's exact 12-digit region code (quarantined rows whose code was
                     unusable carry no credit code). Excel's form keeps six digits, so it may stand for
                     several codes of one county. A region label (blank credit code) is detected by a scope=region
                     alert of the same period and category whose region code equals the label's or contains
                     it / lies in it (prefix match at province, city, county, town or village level).
                     'any' counts alerts of every severity, 'w+e' only warning and error.
          precision  over warning and error alerts: an enterprise alert is a true positive when its
                     enterprise-period carries any label (any category); a region alert when a region label
                     of that period is related by prefix. Alerts of scope industry/file are not scored.
          P@K        K = distinct labelled enterprise-periods; enterprise-periods ranked by their highest
                     alert score (any severity; ties by period, then credit code); hits among the top K / K.
          negatives  warning and error alerts of category over or under on the enterprise-periods of
                     negatives.csv (legitimate events: they should draw none).
        """
}
