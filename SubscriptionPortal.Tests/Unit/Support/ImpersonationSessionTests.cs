using System.Security.Claims;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Unit.Support;

public sealed class ImpersonationSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_APrincipalWithoutAnAgent_IsNoImpersonation()
    {
        Assert.Null(ImpersonationSession.From(Admin()));
        Assert.Null(ImpersonationSession.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(ImpersonationSession.From(null));
    }

    [Fact]
    public void ToClaimsThenFrom_GivesTheSameSession()
    {
        var session = Session();

        var read = ImpersonationSession.From(Admin(session.ToClaims()));

        Assert.Equal(session, read);
    }

    [Fact]
    public void From_UnreadableTimes_CountsAsAlreadyExpired()
    {
        var claims = Session().ToClaims().Where(c => c.Type != ImpersonationSession.ExpiresAtClaim)
            .Append(new Claim(ImpersonationSession.ExpiresAtClaim, "tomorrow"));

        var read = ImpersonationSession.From(Admin(claims));

        Assert.NotNull(read);
        Assert.True(read.HasExpired(Start));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(0.5, 30)]
    [InlineData(1, 29)]
    [InlineData(29, 1)]
    [InlineData(29.99, 1)]
    [InlineData(30, 0)]
    [InlineData(45, 0)]
    public void MinutesLeft_RoundsUp_UntilTheEnd(double minutesIn, int expected)
    {
        Assert.Equal(expected, Session().MinutesLeft(Start.AddMinutes(minutesIn)));
    }

    [Fact]
    public void HasExpired_FromTheThirtiethMinute()
    {
        Assert.False(Session().HasExpired(Start.AddMinutes(30).AddTicks(-1)));
        Assert.True(Session().HasExpired(Start.AddMinutes(30)));
    }

    [Theory]
    [InlineData("ReasonRequired", ImpersonationRefusal.ReasonRequired)]
    [InlineData("TargetIsSupportAgent", ImpersonationRefusal.TargetIsSupportAgent)]
    [InlineData("0", null)]
    [InlineData("reasonrequired", null)]
    [InlineData("ReasonRequired, ReasonTooLong", null)]
    [InlineData("<script>", null)]
    [InlineData(null, null)]
    public void Refusal_FromTheQueryString_IsOnlyAKnownName(string? value, ImpersonationRefusal? expected)
    {
        Assert.Equal(expected, ImpersonationRefusals.Parse(value));
    }

    private static ImpersonationSession Session() =>
        new("agent-id", "support@demo.test", "Sam Support", "admin-id", "serenity@demo.test", "Hélène Dubois", 7, Start, Start + ImpersonationSession.MaxDuration);

    private static ClaimsPrincipal Admin(IEnumerable<Claim>? extra = null) => new(new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Email, "serenity@demo.test") }.Concat(extra ?? []), "Test"));
}
