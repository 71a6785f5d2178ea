using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>
/// What length alone does not catch (ASVS 5.0 V6.2.4, V6.2.11): a password that is a common one, a word of this
/// forum's context repeated or with digits around it, one character or a short pattern repeated, or the member's own
/// email or name. Applies wherever Identity sets a password (accepting an invitation, changing it).
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<Member>
{
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Long enough for any passphrase (ASVS asks for at least 64), short enough that hashing it costs nothing unusual.</summary>
    public const int MaxLength = 256;

    /// <summary>Words anyone guessing a forum member's password would try first (V6.1.2's context-specific list).</summary>
    public static readonly IReadOnlyList<string> ContextWords =
    [
        "pacta", "gobiernoabierto", "opengovernment", "opengov", "ogp", "aga", "alianza", "foro", "forum", "secretariado",
        "inai", "sfp", "sociedadcivil", "civilsociety", "nucleo", "gobierno", "government", "mexico", "transparencia",
        "transparency", "compromiso", "commitment", "contrasena", "contraseña", "password", "qwerty", "asdf",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(Problem(password, user) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordGuessable", Description = problem })
            : IdentityResult.Success);
    }

    /// <summary>Null when acceptable; otherwise why, in the reader's language.</summary>
    public static string? Problem(string password, Member? member)
    {
        var spanish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es";
        if (password.Length > MaxLength)
            return spanish ? $"La contraseña puede tener hasta {MaxLength} caracteres." : $"The password can be up to {MaxLength} characters long.";
        var lower = password.ToLowerInvariant();
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(letters))
            return spanish ? "Esa contraseña está entre las más usadas: elija otra (una frase de varias palabras funciona bien)." : "That password is among the most used: choose another (a phrase of several words works well).";
        if (IsRepetition(lower) || IsRepetition(letters) || letters.Length == 0)
            return spanish ? "Esa contraseña repite un patrón corto: elija una frase de varias palabras." : "That password repeats a short pattern: choose a phrase of several words.";
        if (ContextWords.Any(w => IsRepetitionOf(letters, w)))
            return spanish ? "Esa contraseña es una palabra de este foro con números o repetida: es de las primeras que alguien probaría." : "That password is a word of this forum with digits or repeated: it is among the first anyone would try.";
        if (member is not null && (Contains(lower, member.Email?.Split('@')[0]) || Contains(lower, member.DisplayName)))
            return spanish ? "La contraseña no puede contener su correo ni su nombre." : "The password cannot contain your email or your name.";
        return null;
    }

    private static bool Contains(string password, string? part) =>
        part is { Length: >= 4 } && password.Contains(part.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

    /// <summary>The whole text is one unit of up to 8 characters repeated ("aaaa…", "abcabc…", "12341234…").</summary>
    private static bool IsRepetition(string text)
    {
        for (var unit = 1; unit <= Math.Min(8, text.Length / 2); unit++)
            if (IsRepetitionOf(text, text[..unit])) return true;
        return false;
    }

    private static bool IsRepetitionOf(string text, string unit)
    {
        if (text.Length == 0 || unit.Length == 0 || text.Length % unit.Length != 0) return false;
        for (var i = 0; i < text.Length; i += unit.Length)
            if (string.CompareOrdinal(text, i, unit, 0, unit.Length) != 0) return false;
        return true;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pacta.Web.People.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        return set;
    }
}
