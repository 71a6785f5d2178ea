using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// The JSON that <c>wwwroot/js/passkey.js</c> hands to <c>navigator.credentials.create/get</c>. POST only, with
/// the page's antiforgery token in the form body (the script sends the form it belongs to). The options carry
/// the relying-party ID from configuration (<c>IdentityPasskeyOptions.ServerDomain</c>), never the Host header,
/// and require user verification. The state they start lives in Identity's two-factor cookie until the form
/// with the credential is posted to the page, which finishes the ceremony.
/// </summary>
internal static class PasskeyEndpoints
{
    public const string InvitationOptionsPath = "/account/passkey/invitation-options";
    public const string CreationOptionsPath = "/account/passkey/creation-options";
    public const string RequestOptionsPath = "/account/passkey/request-options";

    public static void MapPasskeyEndpoints(this WebApplication app)
    {
        app.MapPost(InvitationOptionsPath, InvitationOptionsAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(CreationOptionsPath, CreationOptionsAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        app.MapPost(RequestOptionsPath, RequestOptionsAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Options for the passkey of an account not created yet: its id is chosen now and becomes the member's.</summary>
    private static async Task<IResult> InvitationOptionsAsync(
        HttpContext context, IAntiforgery antiforgery, AcceptInvitation accept, SignInThrottle throttle, SignInManager<Member> signInManager)
    {
        if (await FormAsync(context, antiforgery) is not { } form) return BadRequest("antiforgery");
        if (!throttle.TryAcquire(SignInThrottle.Actions.Invitation, null, context.Connection.RemoteIpAddress, out var retryAfter))
            return Results.Json(new { error = "throttled", retryAfterSeconds = (int)retryAfter.TotalSeconds }, statusCode: StatusCodes.Status429TooManyRequests);
        var (invitation, error) = await accept.FindAsync(form["Input.Token"].ToString(), context.RequestAborted);
        if (error != AcceptInvitationError.None) return BadRequest("invitation");
        var displayName = form["Input.DisplayName"].ToString().Trim();
        if (displayName.Length is 0 or > Member.DisplayNameMaxLength) return BadRequest("displayName");
        var entity = new PasskeyUserEntity { Id = Guid.CreateVersion7().ToString(), Name = invitation!.Email, DisplayName = displayName };
        return Json(await signInManager.MakePasskeyCreationOptionsAsync(entity));
    }

    private static async Task<IResult> CreationOptionsAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<Member> users, SignInManager<Member> signInManager)
    {
        if (await FormAsync(context, antiforgery) is null) return BadRequest("antiforgery");
        if (context.SignedInMember() is not { } signedIn || await users.FindByIdAsync(signedIn.MemberId.ToString()) is not { } member)
            return Results.Unauthorized();
        var entity = new PasskeyUserEntity { Id = member.Id.ToString(), Name = member.Email ?? member.UserName!, DisplayName = member.DisplayName };
        return Json(await signInManager.MakePasskeyCreationOptionsAsync(entity));
    }

    private static async Task<IResult> RequestOptionsAsync(
        HttpContext context, IAntiforgery antiforgery, SignInThrottle throttle, SignInManager<Member> signInManager)
    {
        if (await FormAsync(context, antiforgery) is null) return BadRequest("antiforgery");
        if (!throttle.TryAcquire(SignInThrottle.Actions.SignIn, null, context.Connection.RemoteIpAddress, out var retryAfter))
            return Results.Json(new { error = "throttled", retryAfterSeconds = (int)retryAfter.TotalSeconds }, statusCode: StatusCodes.Status429TooManyRequests);
        // No user: discoverable credentials only, so the page never reveals which accounts exist.
        return Json(await signInManager.MakePasskeyRequestOptionsAsync(null));
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

    private static IResult Json(string json) => Results.Content(json, "application/json");

    private static IResult BadRequest(string field) => Results.Json(new { error = field }, statusCode: StatusCodes.Status400BadRequest);
}
