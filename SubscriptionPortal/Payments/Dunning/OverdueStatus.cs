using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
        PlanChangeRefusal(await AssessAsync(db, platformId, ct));

    /// <summary>Why the platform is read-only now (suspended); null when it is not.</summary>
    public async Task<string?> ReadOnlyRefusalAsync(ApplicationDbContext db, int platformId, CancellationToken ct = default) =>
        ReadOnlyRefusal(await AssessAsync(db, platformId, ct));

    public static string? PlanChangeRefusal(DunningAssessment assessment) => assessment.State switch
    {
        OverdueState.Suspended => ReadOnlyRefusal(assessment),
        OverdueState.Restricted => string.Create(CultureInfo.InvariantCulture,
            $"Invoice {assessment.Oldest!.Number} has been unpaid for {assessment.Oldest.Days} days ({Money.FromCents(assessment.UnpaidCents):0.00} € due): the subscription cannot change until it is paid. Update the payment method or pay by bank transfer. Nothing was changed."),
        _ => null,
    };

    public static string? ReadOnlyRefusal(DunningAssessment assessment) => assessment.State == OverdueState.Suspended
        ? string.Create(CultureInfo.InvariantCulture,
            $"This platform is suspended: invoice {assessment.Oldest!.Number} has been unpaid for {assessment.Oldest.Days} days ({Money.FromCents(assessment.UnpaidCents):0.00} € due). It is read-only until it is paid; invoices, data export and the payment method stay open. Nothing was changed.")
        : null;

    /// <summary>The actor dunning records its own steps under.</summary>
    public static readonly Actor JobActor = Actor.Job("Dunning");
}
