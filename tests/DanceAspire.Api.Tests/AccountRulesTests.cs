using DanceAspire.Api.Accounts;

namespace DanceAspire.Api.Tests;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("ann.lee+dance@mail.example.co.uk")]
    [InlineData("  Ann@Example.com  ")]
    public void A_plain_address_is_an_email(string email) => Assert.Null(AccountRules.EmailError(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@localhost")]
    [InlineData("ann@example.")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann lee@example.com")]
    public void Anything_but_a_plain_address_with_a_dotted_domain_is_not_an_email(string? email) =>
        Assert.NotNull(AccountRules.EmailError(email));

    [Fact]
    public void An_email_longer_than_254_characters_is_refused() =>
        Assert.Contains("254", AccountRules.EmailError(new string('a', 250) + "@example.com"));

    [Fact]
    public void Emails_are_stored_trimmed_and_lower_cased() =>
        Assert.Equal("ann@example.com", AccountRules.NormalizeEmail("  Ann@Example.COM "));

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("1234567", "at least 8")]
    [InlineData("        ", "only spaces")]
    [InlineData("ANN@example.com", "cannot be the email")]
    public void Weak_passwords_are_refused_with_the_reason(string? password, string reason) =>
        Assert.Contains(reason, AccountRules.PasswordError(password, "ann@example.com"));

    [Fact]
    public void A_password_over_128_characters_is_refused_so_hashing_it_stays_cheap() =>
        Assert.Contains("at most 128", AccountRules.PasswordError(new string('x', 129), "ann@example.com"));

    [Fact]
    public void Signup_validation_names_each_bad_field()
    {
        var errors = AccountRules.ValidateSignup("nope", "short");

        Assert.Equal(["email", "password"], errors.Keys.Order());
        Assert.Empty(AccountRules.ValidateSignup("ann@example.com", "a fine password"));
    }

    [Theory]
    [InlineData("boss@example.com", "Boss@Example.com ", true)]
    [InlineData("boss@example.com", "other@example.com", false)]
    [InlineData("boss@example.com", "", false)]
    [InlineData("boss@example.com", null, false)]
    public void The_configured_admin_email_matches_in_any_case(string email, string? configured, bool isAdmin) =>
        Assert.Equal(isAdmin, AccountRules.IsAdminEmail(email, configured));
}
