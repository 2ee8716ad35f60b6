import App
import Foundation

exit(await TTDNCommandLine.main(CommandLine.arguments))
