using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Agreements;

/// <summary>Opens a working table on a theme in a plan in co-creation, and publishes it (<c>working-table.opened</c>).</summary>
/// <remarks>Any party's representative may open one: co-creation is every party's, and the table is public.</remarks>
public sealed class OpenWorkingTable(RecordWriter writer, TimeProvider time)
{
    public const int MaxTheme = 300;

    public async Task<OperationResult<Guid>> ExecuteAsync(int planNumber, LocalizedText theme, Guid actingMemberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            if (theme.IsUnknown) return new Refusal("theme", "Required", "theme: give the table a theme, in Spanish or English");
            if ((theme.Es?.Length ?? 0) > MaxTheme || (theme.En?.Length ?? 0) > MaxTheme)
                return new Refusal("theme", "TooLong", $"theme: at most {MaxTheme} characters in each language");
            var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Number == planNumber, ct);
            if (plan is null) return new Refusal("plan", "UnknownPlan", $"plan: there is no plan {planNumber}");
            if (plan.State != PlanState.CoCreation)
                return new Refusal("plan", "NotInCoCreation", $"plan: plan {planNumber} is not in co-creation; only then are working tables opened");
            var representative = await Representation.OfAsync(db, actingMemberId, null, ct);
            if (representative is null) return new Refusal("member", "NotARepresentative", "only a party's representative opens a working table");

            var table = new WorkingTable { PlanNumber = planNumber, Theme = theme, OpenedAt = AgreementRules.Now(time), OpenedBy = actingMemberId };
            db.WorkingTables.Add(table);
            // The one who opens it sits at it.
            table.Seats.Add(new TableSeat { TableId = table.Id, MemberId = actingMemberId, AddedBy = actingMemberId, AddedAt = table.OpenedAt });
            batch.Add(AgreementEvents.TableOpenedEvent(representative.Actor, table));
            return OperationResult.Ok(table.Id);
        }, cancellationToken);
        return written.Value;
    }
}

/// <summary>Seats a member at a working table.</summary>
/// <remarks>
/// A representative seats members of their own party only (for an organisation's representative, of their
/// organisation): no party chooses who speaks for another. Who sits at a table is not public, so no event.
/// </remarks>
public sealed class SeatAtTable(RecordWriter writer, TimeProvider time)
{
    public async Task<OperationResult<bool>> ExecuteAsync(Guid tableId, Guid memberId, Guid actingMemberId, CancellationToken cancellationToken = default)
    {
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            if (!await db.WorkingTables.AnyAsync(t => t.Id == tableId, ct)) return new Refusal("table", "UnknownTable", "table: there is no such working table");
            var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
                .Select(m => new { m.Id, m.OrganizationId, m.Organization!.PartyKey }).SingleOrDefaultAsync(ct);
            var own = await db.Appointments.AsNoTracking().Where(a => a.MemberId == actingMemberId && a.EndedAt == null).ToListAsync(ct);
            if (member is null || !PeopleRules.Covers(own, member.PartyKey, member.OrganizationId))
                return new Refusal("member", "MemberNotYours", "member: there is no member of an organisation you represent with that id");
            if (await db.TableSeats.AnyAsync(s => s.TableId == tableId && s.MemberId == memberId, ct))
                return new Refusal("member", "AlreadySeated", "member: already sits at this table");
            db.TableSeats.Add(new TableSeat { TableId = tableId, MemberId = memberId, AddedBy = actingMemberId, AddedAt = AgreementRules.Now(time) });
            return OperationResult.Ok(true);
        }, cancellationToken);
        return written.Value;
    }
}

/// <summary>A representative's standing in one party, as an operation on agreements needs it.</summary>
internal sealed record Representation(Appointment Appointment, string PartyKey, string MemberOrganization, string? Organization, System.Text.Json.Nodes.JsonObject Actor)
{
    /// <summary>
    /// The member's active appointment in <paramref name="partyKey"/> (or in their own party when null): the
    /// organisation's appointment for their organisation first, else the whole party's. Null when they hold none.
    /// </summary>
    public static async Task<Representation?> OfAsync(PactaDbContext db, Guid memberId, string? partyKey, CancellationToken cancellationToken)
    {
        var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
            .Select(m => new { m.OrganizationId, Organization = m.Organization!.ShortName, m.Organization.PartyKey }).SingleOrDefaultAsync(cancellationToken);
        if (member is null) return null;
        var party = partyKey ?? member.PartyKey;
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.MemberId == memberId && a.PartyKey == party && a.EndedAt == null).ToListAsync(cancellationToken);
        var appointment = appointments.FirstOrDefault(a => a.OrganizationId == member.OrganizationId) ?? appointments.FirstOrDefault(a => a.OrganizationId is null);
        if (appointment is null) return null;
        var organization = appointment.OrganizationId is null ? null : member.Organization;
        return new Representation(appointment, party, member.Organization, organization, RepresentativeEvents.Actor(party, organization));
    }
}

internal static class AgreementRules
{
    /// <summary>Microseconds, like every time Pacta stores and records.</summary>
    public static DateTimeOffset Now(TimeProvider time) => PeopleRules.Truncate(time.GetUtcNow());
}
