/// The indices in ``ScoringTable/aspectList`` of the two clause roles (``HostingAspect/speedWord``,
/// ``HostingAspect/supportWord``), of the aspects they resolve to, and of ``HostingAspect/resolution`` (whose
/// terms carry their own verdict); -1 where a lexicon has no such term.
struct AspectRoles: Sendable {
  var speed: Int32 = -1
  var support: Int32 = -1
  var supportSpeed: Int32 = -1
  var staffCompetence: Int32 = -1
  var performance: Int32 = -1
  var resolution: Int32 = -1

  init(_ aspects: [HostingAspect]) {
    func index(_ aspect: HostingAspect) -> Int32 { aspects.firstIndex(of: aspect).map(Int32.init) ?? -1 }
    speed = index(.speedWord)
    support = index(.supportWord)
    supportSpeed = index(.supportSpeed)
    staffCompetence = index(.staffCompetence)
    performance = index(.performance)
    resolution = index(.resolution)
  }
}
