package dev.amends.contract.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContactSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final ContactSeal seal = new ContactSeal("k1", KEY);

    @Test
    void onlyTheKeyHolderReadsTheContactDetailsBack() {
        SealedContact sealed = seal.seal("acme", "CUST-1", new ContactSeal.Contact("ada@example.com", "+4915112345"));

        assertFalse(sealed.sealed().contains("ada"));
        assertEquals(new ContactSeal.Contact("ada@example.com", "+4915112345"), seal.open("acme", "CUST-1", sealed));
    }

    @Test
    void aSealMovedToAnotherCustomerOrTenantDoesNotOpen() {
        SealedContact sealed = seal.seal("acme", "CUST-1", new ContactSeal.Contact("ada@example.com", null));

        assertThrows(IllegalArgumentException.class, () -> seal.open("acme", "CUST-2", sealed));
        assertThrows(IllegalArgumentException.class, () -> seal.open("globex", "CUST-1", sealed));
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        SealedContact sealed = seal.seal("acme", "CUST-1", new ContactSeal.Contact(null, "+4915112345"));
        byte[] other = new byte[32];
        other[0] = 1;

        assertThrows(IllegalArgumentException.class, () -> new ContactSeal("k1", Base64.getEncoder()
                .encodeToString(other)).open("acme", "CUST-1", sealed));
        assertThrows(IllegalArgumentException.class, () -> new ContactSeal("k2", KEY).open("acme", "CUST-1", sealed));
    }

    @Test
    void aCustomerWithoutContactDetailsHasNoSeal() {
        assertNull(seal.seal("acme", "CUST-1", new ContactSeal.Contact(null, null)));
        assertEquals(new ContactSeal.Contact(null, null), seal.open("acme", "CUST-1", null));
    }

    @Test
    void theSameAddressHasTheSameDigestWhateverItsCase() {
        assertEquals(ContactSeal.emailDigest("Ada@Example.com "), ContactSeal.emailDigest("ada@example.com"));
        assertNull(ContactSeal.emailDigest(null));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ContactSeal("k1", Base64.getEncoder().encodeToString(new byte[16])));
    }
}
