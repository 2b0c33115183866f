// retention-report: built by its issue.
import Foundation

FileHandle.standardError.write(Data("retention-report: not built yet\n".utf8))
exit(1)
