using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Agreements;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Web.People;

namespace Pacta.Web.Agreements;

/// <summary>
/// The options of a vote's passkey ceremony, for <c>wwwroot/js/passkey.js</c>: the challenge is the SHA-256 of the
/// vote's statement (not a random one kept in a cookie), so the signature can be checked from the record forever.
/// The credentials offered are the representative's passkeys the record published for their appointment.
/// </summary>
internal static class VoteEndpoints
{
    public const string OptionsPath = "/agreements/vote-options";

    /// <summary>The options of a vote on a plan's stage proposal (<c>StageVotePage</c>).</summary>
    public const string StageOptionsPath = "/plans/stage-vote-options";

    public static void MapVoteEndpoints(this WebApplication app)
    {
        app.MapPost(OptionsPath, OptionsAsync).RequireAuthorization(Policies.Participant).ExcludeFromDescription();
        app.MapPost(StageOptionsPath, StageOptionsAsync).RequireAuthorization(Policies.Participant).ExcludeFromDescription();
    }

    private static async Task<IResult> StageOptionsAsync(HttpContext context, IAntiforgery antiforgery, PactaDbContext db, RelyingParty relyingParty)
    {
        if (await FormAsync(context, antiforgery) is not { } form) return Error(context.Request.HasFormContentType ? "antiforgery" : "form");
        if (context.SignedInMember() is not { } member) return Results.Unauthorized();
        if (!int.TryParse(form["Vote.Plan"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var plan)) return Error("plan");
        if (!int.TryParse(form["Vote.Proposal"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var proposal)) return Error("proposal");
        if (VotePageInput.Decision(form["Vote.Decision"]) is not { } decision) return Error("decision");
        var statement = await CastStageVote.StatementAsync(db, plan, proposal, form["Vote.Party"].ToString(), decision, member.MemberId, context.RequestAborted);
        if (statement.Value is not { } signed) return Error(statement.Error!.Field);
        return await CeremonyAsync(db, relyingParty, member, signed.Party, signed.Challenge(), context.RequestAborted);
    }

    private static async Task<IFormCollection?> FormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType) return null;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    private static async Task<IResult> OptionsAsync(HttpContext context, IAntiforgery antiforgery, PactaDbContext db, RelyingParty relyingParty)
    {
        if (await FormAsync(context, antiforgery) is not { } form) return Error(context.Request.HasFormContentType ? "antiforgery" : "form");
        if (context.SignedInMember() is not { } member) return Results.Unauthorized();
        if (!int.TryParse(form["Vote.Version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)) return Error("version");
        if (VotePageInput.Decision(form["Vote.Decision"]) is not { } decision) return Error("decision");
        var statement = await CastVote.StatementAsync(db, form["Vote.Code"].ToString(), version, form["Vote.Party"].ToString(), decision, member.MemberId, context.RequestAborted);
        if (statement.Value is not { } signed) return Error(statement.Error!.Field);

        return await CeremonyAsync(db, relyingParty, member, signed.Party, signed.Challenge(), context.RequestAborted);
    }

    /// <summary>The ceremony's options: <paramref name="challenge"/>, and the member's passkeys the record published for their appointments in <paramref name="party"/>.</summary>
    private static async Task<IResult> CeremonyAsync(PactaDbContext db, RelyingParty relyingParty, SignedInMember member, string party, byte[] challenge, CancellationToken ct)
    {
        var appointments = member.Appointments.Where(a => a.PartyKey == party).Select(a => a.Id).ToList();
        var published = await db.PublishedCredentials.AsNoTracking().Where(c => appointments.Contains(c.AppointmentId)).Select(c => c.CredentialId).ToListAsync(ct);
        var own = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == member.MemberId).Select(p => p.CredentialId).ToListAsync(ct);
        var allowed = own.Where(c => published.Any(p => p.AsSpan().SequenceEqual(c))).ToList();
        if (allowed.Count == 0) return Error("passkey");
        return Results.Content(JsonSerializer.Serialize(new
        {
            challenge = PublicCredential.Base64Url(challenge),
            rpId = relyingParty.Id,
            allowCredentials = allowed.Select(c => new { type = "public-key", id = PublicCredential.Base64Url(c) }),
            userVerification = "required",
            timeout = 300_000,
        }), "application/json");
    }

    private static IResult Error(string field) => Results.Json(new { error = field }, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>The decision as the vote form posts it.</summary>
internal static class VotePageInput
{
    public static VoteDecision? Decision(string? value) => value switch
    {
        "approve" => VoteDecision.Approval,
        "object" => VoteDecision.Objection,
        _ => null,
    };
}
