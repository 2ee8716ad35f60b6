/// Where a sign-in may send its user afterwards: a path of this site and nothing else. Browsers drop tabs and line
/// breaks from a URL and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` become `//evil.example`, a
/// link to another host; such targets are refused, as are any with a scheme, a host or a control character.
public enum LocalRedirect {
    /// `target` when it is a safe local path (with its query and fragment), else nil.
    public static func path(_ target: String?) -> String? {
        guard let target, target.utf8.count <= 2048 else { return nil }
        let scalars = Array(target.unicodeScalars)
        guard scalars.first == "/" else { return nil }
        for scalar in scalars {
            // Controls, spaces of any kind and backslashes are what browsers rewrite or strip.
            if scalar.value < 0x21 || scalar.value == 0x7F || scalar == "\\" { return nil }
            if scalar.properties.isWhitespace || (0x80...0x9F).contains(scalar.value) { return nil }
            if scalar.properties.generalCategory == .format { return nil }
        }
        if scalars.count > 1, scalars[1] == "/" { return nil }
        return target
    }
}
