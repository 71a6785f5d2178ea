using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Agreements;
using Pacta.Core.Data;
using Pacta.Core.People;
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

    public static void MapVoteEndpoints(this WebApplication app) =>
        app.MapPost(OptionsPath, OptionsAsync).RequireAuthorization(Policies.Participant).ExcludeFromDescription();

    private static async Task<IResult> OptionsAsync(HttpContext context, IAntiforgery antiforgery, PactaDbContext db, RelyingParty relyingParty)
    {
        if (!context.Request.HasFormContentType) return Error("form");
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Error("antiforgery");
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (context.SignedInMember() is not { } member) return Results.Unauthorized();
        if (!int.TryParse(form["Vote.Version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)) return Error("version");
        if (VotePageInput.Decision(form["Vote.Decision"]) is not { } decision) return Error("decision");
        var statement = await CastVote.StatementAsync(db, form["Vote.Code"].ToString(), version, form["Vote.Party"].ToString(), decision, member.MemberId, context.RequestAborted);
        if (statement.Value is not { } signed) return Error(statement.Error!.Field);

        var appointments = member.Appointments.Where(a => a.PartyKey == signed.Party).Select(a => a.Id).ToList();
        var published = await db.PublishedCredentials.AsNoTracking().Where(c => appointments.Contains(c.AppointmentId)).Select(c => c.CredentialId).ToListAsync(context.RequestAborted);
        var own = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == member.MemberId).Select(p => p.CredentialId).ToListAsync(context.RequestAborted);
        var allowed = own.Where(c => published.Any(p => p.AsSpan().SequenceEqual(c))).ToList();
        if (allowed.Count == 0) return Error("passkey");
        return Results.Content(JsonSerializer.Serialize(new
        {
            challenge = PublicCredential.Base64Url(signed.Challenge()),
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
