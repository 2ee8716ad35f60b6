import Foundation

/// The two astronomical quantities a lunisolar calendar needs: when each new moon happens, and where the
/// sun is on the ecliptic (its longitude). Formulas from Jean Meeus, *Astronomical Algorithms*, truncated to
/// the terms that matter at a precision of minutes — the precision Hồ Ngọc Đức's published Vietnamese-calendar
/// algorithm uses, so our dates match the published Vietnamese calendar for 1900–2100.
///
/// Times are Julian dates (days since noon UT, 1 Jan 4713 BC, fractional); the calendar decides in local
/// time by shifting by the time zone before taking the integer day.
enum LunarAstronomy {
    static let synodicMonth = 29.530588853
    /// The Julian date of the new moon of 1900-01-01 13:51 UT, the origin of the lunation count `k`.
    static let newMoonEpoch = 2415021.076998695
    private static let degree = Double.pi / 180

    /// The Julian date (UT) of the `k`-th new moon after the one of 1 Jan 1900 (Meeus ch. 49, abridged).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85  // Julian centuries since 1900
        let t2 = t * t
        let t3 = t2 * t
        // Mean new moon, then the periodic corrections from the sun's anomaly (m), the moon's anomaly (mp)
        // and the moon's argument of latitude (f).
        var jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * degree)
        let m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * degree
        let mp = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * degree
        let f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * degree
        var c = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m)
        c += -0.4068 * sin(mp) + 0.0161 * sin(2 * mp) - 0.0004 * sin(3 * mp)
        c += 0.0104 * sin(2 * f) - 0.0051 * sin(m + mp) - 0.0074 * sin(m - mp)
        c += 0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m) - 0.0006 * sin(2 * f + mp)
        c += 0.0010 * sin(2 * f - mp) + 0.0005 * sin(m + 2 * mp)
        // ΔT (terrestrial minus universal time), a polynomial fit; the series above is in dynamical time.
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return jd + c - deltaT
    }

    /// The sun's apparent longitude in radians, 0 ..< 2π, at Julian date `jd` (Meeus ch. 25, low precision).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2451545.0) / 36525  // Julian centuries since J2000
        let t2 = t * t
        let m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * degree  // mean anomaly
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2  // mean longitude, degrees
        // Equation of the centre.
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(m)
        dl += (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000290 * sin(3 * m)
        let l = (l0 + dl) * degree
        return l - 2 * Double.pi * (l / (2 * Double.pi)).rounded(.down)
    }

    // MARK: In local time

    /// The Julian day number of the local day (in `zone` hours east of UT) on which the `k`-th new moon falls.
    /// A lunar month starts on that day.
    static func newMoonDay(_ k: Int, zone: Double) -> Int {
        Int((newMoon(k) + 0.5 + zone / 24).rounded(.down))
    }

    /// Which twelfth of the ecliptic (0–11, 30° each, 0 = from the March equinox) the sun is in at the start
    /// (local midnight) of the day with Julian day number `jdn`. The sun entering a new sector is a "major
    /// solar term" (trung khí); the winter solstice is the start of sector 9.
    static func sunSector(atStartOf jdn: Int, zone: Double) -> Int {
        Int((sunLongitude(Double(jdn) - 0.5 - zone / 24) / (Double.pi / 6)).rounded(.down))
    }

    /// The lunation count `k` of the new moon at or just before the day `jdn` (approximately; callers check).
    static func lunation(near jdn: Int) -> Int {
        Int(((Double(jdn) - newMoonEpoch) / synodicMonth).rounded(.down))
    }
}
