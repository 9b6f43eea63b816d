using System.Net.Mail;

namespace DanceAspire.Api.Accounts;

/// <summary>What an email and a password must look like; pure, so the rules are tested on their own.</summary>
internal static class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordLength = 8;

    // PBKDF2 hashes the whole password on every login: a cap keeps a huge one from costing much.
    public const int MaxPasswordLength = 128;

    /// <summary>The form emails are stored and compared in: trimmed and lower-cased.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Errors by field name (empty when the request is valid), in ValidationProblem's shape.</summary>
    public static Dictionary<string, string[]> ValidateSignup(string? email, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (EmailError(email) is { } emailError)
        {
            errors["email"] = [emailError];
        }
        if (PasswordError(password, email) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }
        return errors;
    }

    public static string? EmailError(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "An email address is required.";
        }
        var trimmed = email.Trim();
        if (trimmed.Length > MaxEmailLength)
        {
            return $"An email address has at most {MaxEmailLength} characters.";
        }
        // MailAddress accepts display names ("Ann <a@b.c>") and dotless domains; an account needs a bare address.
        var at = trimmed.LastIndexOf('@');
        var valid = MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && at > 0
            && trimmed.IndexOf('.', at) > at + 1
            && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace);
        return valid ? null : $"'{trimmed}' is not an email address (expected the form name@example.com).";
    }

    public static string? PasswordError(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }
        if (password.Length < MinPasswordLength)
        {
            return $"A password has at least {MinPasswordLength} characters.";
        }
        if (password.Length > MaxPasswordLength)
        {
            return $"A password has at most {MaxPasswordLength} characters.";
        }
        if (string.IsNullOrWhiteSpace(password))
        {
            return "A password cannot be only spaces.";
        }
        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "A password cannot be the email address.";
        }
        return null;
    }

    public static bool IsAdminEmail(string normalizedEmail, string? configuredAdminEmail) =>
        !string.IsNullOrWhiteSpace(configuredAdminEmail) && normalizedEmail == NormalizeEmail(configuredAdminEmail);
}
