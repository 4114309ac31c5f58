using System.Data.Common;
using System.Threading.Channels;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SubscriptionPortal.Tests.Components;

/// <summary>
/// A database that answers late, as a database server does: once closed, every command whose SQL
/// matches is held until the test lets it through, in the order the test chooses. On SQLite alone a
/// page's query completes before the page can handle anything else, so these orders are only reachable
/// with the commands held.
/// </summary>
internal sealed class HeldCommands(Func<string, bool> matches) : DbCommandInterceptor
{
    private readonly List<TaskCompletionSource> held = [];
    private readonly Channel<bool> arrivals = Channel.CreateUnbounded<bool>();
    private bool closed;

    /// <summary>How many commands were held so far, let through or not.</summary>
    public int Held
    {
        get
        {
            lock (held)
            {
                return held.Count;
            }
        }
    }

    public void Close() => closed = true;

    /// <summary>Completes when the next matching command is held (each held command completes one call).</summary>
    public async Task NextHeldAsync() => await arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Lets the <paramref name="index"/>th held command (from 0, in the order they came) go on to the database.</summary>
    public void Release(int index)
    {
        lock (held)
        {
            held[index].TrySetResult();
        }
    }

    /// <summary>
    /// Lets the <paramref name="index"/>th held command through and waits for the render its answer brings to
    /// <paramref name="page"/>, even an answer that changes nothing on screen.
    /// </summary>
    public async Task ReleaseAndAwaitRenderAsync<TPage>(IRenderedComponent<TPage> page, int index)
        where TPage : IComponent
    {
        // What the page still had to do is done first: the next render can only come from this answer.
        await page.InvokeAsync(() => { });
        var renders = page.RenderCount;
        Release(index);
        page.WaitForAssertion(() => Assert.True(page.RenderCount > renders));
    }

    public void ReleaseAll()
    {
        lock (held)
        {
            held.ForEach(h => h.TrySetResult());
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await HoldAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await HoldAsync(command);
        return result;
    }

    private async Task HoldAsync(DbCommand command)
    {
        if (!closed || !matches(command.CommandText))
        {
            return;
        }

        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (held)
        {
            held.Add(turn);
        }

        arrivals.Writer.TryWrite(true);
        await turn.Task;
    }
}
