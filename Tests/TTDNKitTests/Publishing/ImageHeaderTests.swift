import Foundation
import Testing

@testable import TTDNKit

/// Uploaded images are known by their bytes, not their names.
@Suite("Image header")
struct ImageHeaderTests {
    @Test("PNG, GIF, JPEG and WebP give their format and size")
    func formats() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x03, 0x20, 0, 0, 0x02, 0x58, 8, 2, 0, 0, 0]
        #expect(ImageHeader.read(Data(png)) == ImageHeader(format: .png, width: 800, height: 600))
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00] + [UInt8](repeating: 0, count: 8)
        #expect(ImageHeader.read(Data(gif)) == ImageHeader(format: .gif, width: 320, height: 240))
        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
        jpeg += [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03] + [UInt8](repeating: 0, count: 12)
        #expect(ImageHeader.read(Data(jpeg)) == ImageHeader(format: .jpeg, width: 640, height: 480))
        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0]
        webp += [0, 0, 0, 0] + [0x1F, 0x03, 0x00] + [0x57, 0x02, 0x00]
        #expect(ImageHeader.read(Data(webp)) == ImageHeader(format: .webp, width: 800, height: 600))
    }

    @Test("Anything else, or a size out of bounds, is refused")
    func refused() {
        #expect(ImageHeader.read(Data("<svg onload=alert(1)>".utf8)) == nil)
        #expect(ImageHeader.read(Data()) == nil)
        #expect(ImageHeader.read(Data([0xFF, 0xD8, 0xFF])) == nil)
        let zero = Array("GIF89a".utf8) + [0, 0, 0, 0] + [UInt8](repeating: 0, count: 8)
        #expect(ImageHeader.read(Data(zero)) == nil)
        var huge: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        huge += [0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, 8, 2, 0, 0, 0]
        #expect(ImageHeader.read(Data(huge)) == nil)
    }
}
