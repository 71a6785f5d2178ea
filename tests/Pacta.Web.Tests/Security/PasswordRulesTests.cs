using System.Globalization;
using Pacta.Core.People;
using Pacta.Web.People;

namespace Pacta.Web.Tests.Security;

/// <summary>Passwords that length alone lets through, and ones it must not refuse.</summary>
public sealed class PasswordRulesTests
{
    private static readonly Member Ana = new() { DisplayName = "Ana Martínez", Email = "ana.martinez@example.org" };

    [Theory]
    [InlineData("1234567890123456", "patrón")]
    [InlineData("aaaaaaaaaaaaaaaa", "patrón")]
    [InlineData("abcabcabcabcabcabc", "patrón")]
    [InlineData("passwordpassword", "patrón")]
    [InlineData("gobiernoabierto2026", "palabra de este foro")]
    [InlineData("Pacta.Pacta.Pacta!", "patrón")]
    [InlineData("transparencia2026!", "palabra de este foro")]
    [InlineData("123456789012345", "patrón")]
    [InlineData("1qaz2wsx3edc4rfv", "más usadas")]
    [InlineData("QwertyUiop12345", "más usadas")]
    [InlineData("mi clave es ana.martinez", "correo")]
    public void Guessable_IsRefused_SayingWhy(string password, string why)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");
        var problem = PasswordRules.Problem(password, Ana);
        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caballo correcto batería grapa")]
    [InlineData("el río suena, agua lleva 🙂")]
    [InlineData("Tres tristes tigres tragan trigo")]
    public void Phrase_IsAccepted(string password) => Assert.Null(PasswordRules.Problem(password, Ana));
}
