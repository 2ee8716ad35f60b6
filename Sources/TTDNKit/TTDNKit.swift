// TTDNKit holds the domain and document logic of ttdn: no Vapor, no database.
// Folders: Text (Vietnamese normalisation), Calendar, Access (roles, policy, throttling),
// Directory (agencies, name resolution, CSV), Extraction (reading plans), Export (writing them).
