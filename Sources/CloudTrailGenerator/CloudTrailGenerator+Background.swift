extension CloudTrailGenerator {
    /// One routine record at `time`: an account, region, caller and API drawn from the weights.
    func backgroundDraft(random: inout RandomSource, time: Int64) -> EventDraft {
        // The first account is the busy production account; the rest share the remainder.
        let accountIndex = random.chance(50) ? 0 : random.below(accounts.count)
        let region = random.chance(60) ? configuration.regions[0] : random.pick(configuration.regions)
        let activity = Activity.pick(&random)
        var call = BackgroundCall(
            account: accounts[accountIndex], accountIndex: accountIndex, region: region,
            globalRegion: globalRegion, time: time, random: random
        )
        var draft = call.draft(for: activity)
        random = call.random
        // A small share of calls by people and workloads are refused, as least-privilege policies
        // and exploratory tooling produce; data events and service calls are left alone.
        if !draft.isData, draft.actor.kind != .awsService, draft.service != "signin", draft.errorCode == nil,
            random.chance(2.5)
        {
            draft.deny()
        }
        return draft
    }
}
