using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// Checks the sign-in cookie against its <see cref="MemberSession"/> row on every request: a revoked session,
/// one idle too long, one older than the absolute limit, or one whose member is gone signs the browser out.
/// The row is the truth, so "sign out everywhere" works even for a cookie copied off a device.
/// </summary>
internal static class SessionValidation
{
    /// <summary>Last-seen is written at most this often: a write per request would serialize every page view on SQLite.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<AccountSettings>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var db = http.RequestServices.GetRequiredService<PactaDbContext>();
        var now = time.GetUtcNow();

        if (!Guid.TryParse(context.Principal?.FindFirstValue(PactaClaims.Session), out var sessionId)
            || !Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId))
        {
            await RejectAsync(context);
            return;
        }

        // The session and its member in one round trip: this runs before every signed-in request.
        var found = await db.MemberSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MemberId == memberId)
            .Join(db.Users, s => s.MemberId, m => m.Id, (s, m) => new
            {
                s.CreatedAt,
                s.LastSeenAt,
                m.DisplayName,
                m.Kind,
                m.OrganizationId,
                PartyKey = m.Organization == null ? null : m.Organization.PartyKey,
                m.LockoutEnd,
            })
            .SingleOrDefaultAsync();
        if (found is null || now - found.LastSeenAt > settings.SessionIdleTimeout || now - found.CreatedAt > settings.SessionAbsoluteTimeout)
        {
            // An expired session's row goes; a session whose member is gone went with them (cascade).
            if (found is not null) await db.MemberSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync();
            await RejectAsync(context);
            return;
        }
        if (found.LockoutEnd > now)
        {
            await RejectAsync(context);
            return;
        }

        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.EndedAt == null)
            .Select(a => new ActiveAppointment(a.Id, a.PartyKey, a.OrganizationId))
            .ToListAsync();

        if (now - found.LastSeenAt >= LastSeenResolution)
            await db.MemberSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        http.SetSignedInMember(new SignedInMember(memberId, sessionId, found.DisplayName, found.Kind, found.OrganizationId, found.PartyKey, appointments));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
