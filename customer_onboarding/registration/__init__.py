"""Self-registration: prospective customers register themselves through the public page /customer-registration."""
