using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SubscriptionPortal.Operations;

/// <summary>Counts open circuits: one per connected browser tab on an interactive page.</summary>
internal sealed class CircuitCounter(PortalMetrics metrics, OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.ConnectionUp();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.ConnectionDown();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        circuits.Closed();
        return Task.CompletedTask;
    }
}
