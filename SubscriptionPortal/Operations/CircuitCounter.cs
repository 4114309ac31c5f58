using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SubscriptionPortal.Operations;

/// <summary>Counts open circuits: one per connected browser tab on an interactive page.</summary>
internal sealed class CircuitCounter(PortalMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
