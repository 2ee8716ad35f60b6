/// TTDNKit holds the domain and document logic of ttdn: no Vapor, no database.
public enum TTDNKit {
    public static let version = "0.1.0"
}
