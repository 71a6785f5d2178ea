using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Web.Api;

/// <summary>Open data about the forum itself: its parties, their organisations and participation history.</summary>
internal static class ForumApi
{
    public static void MapForumApi(this RouteGroupBuilder api)
    {
        api.MapGet("/forum", GetForum)
            .WithName("GetForum")
            .WithSummary("The forum, the OGP member it serves, and its parties with their current participation status.")
            .WithTags("Forum");

        var parties = api.MapGroup("/parties").WithTags("Forum");
        parties.MapGet("", ListParties)
            .WithName("ListParties")
            .WithSummary("The forum's parties, in the order the forum lists them.");
        parties.MapGet("/{key}", GetParty)
            .WithName("GetParty")
            .WithSummary("One party with its organisations and its dated participation history (withdrawals, suspensions, returns).");

        api.MapGet("/organizations", ListOrganizations)
            .WithName("ListOrganizations")
            .WithSummary("Every organisation and institution of the forum, by party; fictional sample ones are marked.")
            .WithTags("Forum");
    }

    public static async Task<Results<Ok<ForumDto>, NotFoundProblem>> GetForum(PactaDbContext db, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.AsNoTracking()
            .Select(f => new
            {
                Name = new BilingualText(f.Name.Es, f.Name.En),
                FormerName = new BilingualText(f.FormerName.Es, f.FormerName.En),
                Member = new MemberDto(new BilingualText(f.MemberName.Es, f.MemberName.En), f.MemberKind, f.OgpMemberSince, f.FoundingMember),
                f.Source,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (forum is null) return ApiProblems.NotFound("The forum has not been loaded yet: there is no forum to describe.");

        var parties = await QueryPartySummaries(db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ForumDto(forum.Name, forum.FormerName, forum.Member, forum.Source, parties));
    }

    public static async Task<Ok<List<PartySummaryDto>>> ListParties(PactaDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryPartySummaries(db).ToListAsync(cancellationToken));

    public static async Task<Results<Ok<PartyDto>, ValidationProblem, NotFoundProblem>> GetParty(
        [Description("Party key: lowercase words joined by '-', like civil-society.")] string key, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.PartyKey().IsMatch(key))
            return ApiProblems.InvalidParameter("key", key, "a party key is lowercase letters and digits in words joined by '-', like civil-society");

        var party = await db.Parties.AsNoTracking()
            .Where(p => p.Key == key)
            .Select(p => new
            {
                p.Key,
                Name = new BilingualText(p.Name.Es, p.Name.En),
                p.DecisionRule,
                Organizations = p.Organizations.OrderBy(o => o.Position).ThenBy(o => o.ShortName)
                    .Select(o => new OrganizationDto(o.ShortName, new BilingualText(o.Name.Es, o.Name.En), o.PartyKey, o.Fictional))
                    .ToList(),
                History = p.ParticipationHistory.OrderBy(c => c.Date)
                    .Select(c => new ParticipationChangeDto(ApiValues.Iso(c.Date), ApiValues.Name(c.Status), c.Grounds, c.Source))
                    .ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (party is null) return ApiProblems.NotFound($"There is no party with key '{key}'.");
        var representatives = (await PublicRepresentatives.ReadAsync(db, party.Key, null, cancellationToken))
            .Select(r => new RepresentativeDto(r.Appointment.ToString("D"), r.Party, r.Organization, RecordEvent.FormatTime(r.Since),
                [.. r.Credentials.Select(c => new CredentialDto(c.Id, c.PublicKey, c.Algorithm))]))
            .ToList();

        return TypedResults.Ok(new PartyDto(party.Key, party.Name, ApiValues.Name(party.DecisionRule),
            party.History.Count == 0 ? null : party.History[^1].Status, party.Organizations, party.History, representatives));
    }

    public static async Task<Ok<List<OrganizationDto>>> ListOrganizations(PactaDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Party!.Position).ThenBy(o => o.Position).ThenBy(o => o.ShortName)
            .Select(o => new OrganizationDto(o.ShortName, new BilingualText(o.Name.Es, o.Name.En), o.PartyKey, o.Fictional))
            .ToListAsync(cancellationToken));

    private static IQueryable<PartySummaryDto> QueryPartySummaries(PactaDbContext db) =>
        db.Parties.AsNoTracking()
            .OrderBy(p => p.Position).ThenBy(p => p.Key)
            .Select(p => new PartySummaryDto(
                p.Key,
                new BilingualText(p.Name.Es, p.Name.En),
                ApiValues.Name(p.DecisionRule),
                // The latest change is the current status; ISO partial dates sort as text.
                ApiValues.Name(p.ParticipationHistory.OrderByDescending(c => c.Date).Select(c => (ParticipationStatus?)c.Status).FirstOrDefault()),
                p.Organizations.Count));
}

// Public shapes of open data. They are records of their own, mapped field by field from the
// entities, so that the JSON is a contract: a field added to an entity (or a private one, later)
// never appears here by accident, and renaming one in the domain does not silently break clients.

/// <param name="Member">The OGP member (country or local government) the forum serves.</param>
/// <param name="Source">Where the forum's public facts come from.</param>
public sealed record ForumDto(BilingualText Name, BilingualText FormerName, MemberDto Member, string? Source, IReadOnlyList<PartySummaryDto> Parties);

/// <param name="Kind"><c>national</c> or <c>local</c>, as OGP classifies members; null when unknown.</param>
public sealed record MemberDto(BilingualText Name, string? Kind, int? OgpMemberSince, bool? FoundingMember);

/// <param name="DecisionRule"><c>single-representative</c>, <c>unanimity</c> or <c>majority</c>.</param>
/// <param name="ParticipationStatus"><c>active</c>, <c>suspended</c> or <c>withdrawn</c> (the latest change); null when no change is recorded.</param>
public sealed record PartySummaryDto(string Key, BilingualText Name, string DecisionRule, string? ParticipationStatus, int OrganizationCount);

/// <param name="ParticipationHistory">Every recorded change, oldest first.</param>
/// <param name="Representatives">The current representatives, as roles with their passkeys' public credentials (never a name).</param>
public sealed record PartyDto(
    string Key, BilingualText Name, string DecisionRule, string? ParticipationStatus,
    IReadOnlyList<OrganizationDto> Organizations, IReadOnlyList<ParticipationChangeDto> ParticipationHistory,
    IReadOnlyList<RepresentativeDto> Representatives);

/// <param name="Appointment">The appointment's id; its record subject is <c>representative/{appointment}</c>.</param>
/// <param name="Organization">The organisation represented (short name); null for the whole party.</param>
/// <param name="Since">When the appointment started, UTC, RFC 3339.</param>
/// <param name="Credentials">The representative's passkeys, with which they sign approvals.</param>
public sealed record RepresentativeDto(string Appointment, string Party, string? Organization, string Since, IReadOnlyList<CredentialDto> Credentials);

/// <param name="Id">The WebAuthn credential id, base64url.</param>
/// <param name="PublicKey">The COSE public key, base64url.</param>
/// <param name="Algorithm">The COSE algorithm (-7 ES256, -257 RS256, -8 EdDSA); null when the key does not say.</param>
public sealed record CredentialDto(string Id, string PublicKey, int? Algorithm);

/// <param name="ShortName">The name documents and other endpoints use for it (<c>SFP</c>).</param>
/// <param name="Party">The key of its party.</param>
/// <param name="Fictional">True for the invented institutions of the sample plan.</param>
public sealed record OrganizationDto(string ShortName, BilingualText Name, string Party, bool Fictional);

/// <param name="Date">ISO 8601 at the precision known: <c>2017-05</c> or <c>2022-10-25</c>.</param>
/// <param name="Status"><c>active</c>, <c>suspended</c> or <c>withdrawn</c>.</param>
/// <param name="Grounds">Codes of the grounds given, in the order given (<c>surveillance-of-participants</c>).</param>
/// <param name="Source">The public statement or report that documents the change.</param>
public sealed record ParticipationChangeDto(string Date, string Status, IReadOnlyList<string> Grounds, string? Source);
