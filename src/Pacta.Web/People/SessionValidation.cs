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

        var session = await db.MemberSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.MemberId == memberId);
        if (session is null || now - session.LastSeenAt > settings.SessionIdleTimeout || now - session.CreatedAt > settings.SessionAbsoluteTimeout)
        {
            if (session is not null)
            {
                db.MemberSessions.Remove(session);
                await db.SaveChangesAsync();
            }
            await RejectAsync(context);
            return;
        }

        var member = await db.Users.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.DisplayName, m.Kind, m.OrganizationId, PartyKey = m.Organization == null ? null : m.Organization.PartyKey, m.LockoutEnd })
            .SingleOrDefaultAsync();
        if (member is null || member.LockoutEnd > now)
        {
            await RejectAsync(context);
            return;
        }
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.EndedAt == null)
            .Select(a => new ActiveAppointment(a.Id, a.PartyKey, a.OrganizationId))
            .ToListAsync();

        if (now - session.LastSeenAt >= LastSeenResolution)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync();
        }
        http.SetSignedInMember(new SignedInMember(memberId, sessionId, member.DisplayName, member.Kind, member.OrganizationId, member.PartyKey, appointments));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
