// sla-check: built by its issue.
import Foundation

FileHandle.standardError.write(Data("sla-check: not built yet\n".utf8))
exit(1)
