using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Tests.Integration;

/// <summary>Builds the principal a signed-in user has, from the database, as the cookie would carry it.</summary>
public static class TestUsers
{
    public static async Task<ClaimsPrincipal> PrincipalAsync(this TestDatabase database, string email)
    {
        await using var db = database.CreateContext();
        return await PrincipalAsync(db, email);
    }

    public static async Task<ClaimsPrincipal> PrincipalAsync(ApplicationDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync();
        return Principal(user, roles);
    }

    public static ClaimsPrincipal Principal(ApplicationUser user, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(ClaimTypes.Email, user.Email ?? ""),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
