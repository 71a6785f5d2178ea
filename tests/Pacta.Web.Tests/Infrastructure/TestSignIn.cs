using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.People;
using Pacta.Web.People;

namespace Pacta.Web.Tests.Infrastructure;

/// <summary>
/// A way into the app that exists only in tests: <c>POST /test-only/sign-in/{memberId}</c> signs that member in
/// through <see cref="MemberSignIn"/>, exactly as a passkey or TOTP sign-in ends. Tests of authorization, private
/// spaces and sessions start signed in with it; tests of signing in (passkeys, TOTP, lockout) never use it.
/// It is added by the test host only (an <see cref="IStartupFilter"/>), so it is no endpoint of Pacta's.
/// </summary>
internal sealed class TestSignIn : IStartupFilter
{
    public const string PathPrefix = "/test-only/sign-in/";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(PathPrefix.TrimEnd('/'), branch => branch.Run(async context =>
        {
            var users = context.RequestServices.GetRequiredService<UserManager<Member>>();
            var member = await users.FindByIdAsync(context.Request.Path.Value!.Trim('/'));
            if (member is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await context.RequestServices.GetRequiredService<MemberSignIn>().SignInAsync(member, "test");
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        next(app);
    };
}
