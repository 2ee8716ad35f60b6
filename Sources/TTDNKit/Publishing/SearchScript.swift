/// The scripts written without spaces between words, which search indexes as overlapping character bigrams
/// (`SearchKey`): a database tokenizer sees a whole Chinese sentence or Lao phrase as one "word", so without
/// bigrams a search for a two-character word would never find it inside a longer run.
///
/// Han, Hiragana and Katakana form one group because Japanese mixes them within a word; the others are groups
/// of their own so that a bigram never straddles two scripts. Korean Hangul is written with spaces and is not
/// here: its words are kept whole.
enum SearchScript: Sendable, Equatable {
    case cjk
    case lao
    case thai
    case khmer
    case myanmar

    /// The group of a character, judged by its first scalar (a base letter, or a mark left without one);
    /// `nil` for scripts that separate words with spaces.
    init?(_ character: Character) {
        guard let scalar = character.unicodeScalars.first else { return nil }
        self.init(scalar)
    }

    init?(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0E00...0x0E7F: self = .thai
        case 0x0E80...0x0EFF: self = .lao
        case 0x1000...0x109F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F: self = .myanmar
        case 0x1780...0x17FF, 0x19E0...0x19FF: self = .khmer
        case 0x2E80...0x2FDF,  // CJK and Kangxi radicals
            0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303C,  // iteration marks, Hangzhou numerals
            0x3040...0x30FF, 0x31F0...0x31FF,  // Hiragana, Katakana (with ー), small Katakana
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
            0xFF66...0xFF9F,  // half-width Katakana
            0x1B000...0x1B16F,  // Kana supplements
            0x20000...0x323AF:  // Han extensions B–H
            self = .cjk
        default: return nil
        }
    }
}
