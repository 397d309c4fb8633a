using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.CancelOrder;

/// <summary>ORD-10: the contact a cashier confirms with the customer: a phone of digits (with +, spaces, dashes, brackets) and an e-mail with an @.</summary>
public static class CustomerContactRules
{
    public static CustomerContact? Normalize(string? phone, string? email, out Refusal? refusal)
    {
        refusal = null;
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (phone is not null && (phone.Length > 32 || phone.Count(char.IsAsciiDigit) < 5
                                  || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            refusal = Refusal.Invalid("contact.phone_invalid", "phone is 5 or more digits, with +, spaces, dashes or brackets, up to 32 characters.");
        else if (email is not null && (email.Length > 254 || email.IndexOf('@') is <= 0 || email.IndexOf('@') == email.Length - 1 || email.Any(char.IsWhiteSpace)))
            refusal = Refusal.Invalid("contact.email_invalid", "email is an address with one @, up to 254 characters.");
        return refusal is null && (phone is not null || email is not null) ? new CustomerContact(phone, email) : null;
    }
}
