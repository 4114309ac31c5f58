using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments.Dunning;

/// <summary>
/// A platform's overdue state as of now, computed from its unpaid invoices (not from what was last recorded),
/// so a restriction applies from its day even before the job has run. Also the sentences features refuse with.
/// </summary>
internal sealed class OverdueStatus(IOptions<DunningOptions> options, TimeProvider clock)
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(OverdueStatus));

    public DunningOptions Options => options.Value;

    public async Task<DunningAssessment> AssessAsync(ApplicationDbContext db, int platformId, CancellationToken ct = default)
    {
        var facts = await DunningLoader.LoadAsync(db, [platformId], clock.GetUtcNow(), ct);
        return facts.TryGetValue(platformId, out var f)
            ? DunningAssessment.Assess(f, options.Value)
            : new DunningAssessment(platformId, OverdueState.Active, [], false, null, null);
    }

    /// <summary>Why the platform's plan cannot change now (restricted or suspended); null when it can.</summary>
    public async Task<string?> PlanChangeRefusalAsync(ApplicationDbContext db, int platformId, CancellationToken ct = default) =>
        await DunningLoader.HasFailedUnpaidDebitAsync(db, platformId, ct) ? PlanChangeRefusal(await AssessAsync(db, platformId, ct)) : null;

    /// <summary>Why the platform is read-only now (suspended); null when it is not.</summary>
    public async Task<string?> ReadOnlyRefusalAsync(ApplicationDbContext db, int platformId, CancellationToken ct = default) =>
        await DunningLoader.HasFailedUnpaidDebitAsync(db, platformId, ct) ? ReadOnlyRefusal(await AssessAsync(db, platformId, ct)) : null;

    public static string? PlanChangeRefusal(DunningAssessment assessment) => assessment.State switch
    {
        OverdueState.Suspended => ReadOnlyRefusal(assessment),
        OverdueState.Restricted => Text["Restricted", assessment.Oldest!.Number, assessment.Oldest.Days, Money.FromCents(assessment.UnpaidCents)],
        _ => null,
    };

    public static string? ReadOnlyRefusal(DunningAssessment assessment) => assessment.State == OverdueState.Suspended
        ? Text["Suspended", assessment.Oldest!.Number, assessment.Oldest.Days, Money.FromCents(assessment.UnpaidCents)].Value
        : null;

    /// <summary>The actor dunning records its own steps under.</summary>
    public static readonly Actor JobActor = Actor.Job("Dunning");
}
