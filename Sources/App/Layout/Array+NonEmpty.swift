extension Array {
    /// Nil for an empty array. Leaf treats an empty array as true in `#if`, so page contexts pass
    /// optional lists: an absent key is false, and `#for` runs only on lists that have items.
    var nonEmpty: Self? { isEmpty ? nil : self }
}
