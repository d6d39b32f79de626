"""Names the app owns: the workflow, its states and actions, and its roles."""

WORKFLOW = "Customer Onboarding"

DRAFT = "Draft"
PENDING_REVIEW = "Pending Review"
RETURNED = "Returned"
APPROVED = "Approved"
ENABLED = "Enabled"
DISABLED = "Disabled"

SUBMIT_FOR_REVIEW = "Submit for Review"
APPROVE = "Approve"
RETURN = "Return"
ENABLE = "Enable"
DISABLE = "Disable"

REVIEWER = "Customer Onboarding Reviewer"
MASTER_MANAGER = "Customer Master Manager"
CREDIT_CONTROLLER = "Credit Controller"

OWN_ROLES = (REVIEWER, MASTER_MANAGER, CREDIT_CONTROLLER)
# "Approved" and "Approve" ship with Frappe; the app owns the others.
OWN_STATES = (DRAFT, PENDING_REVIEW, RETURNED, ENABLED, DISABLED)
OWN_ACTIONS = (SUBMIT_FOR_REVIEW, RETURN, ENABLE, DISABLE)

CHANGE_REQUEST_WORKFLOW = "Customer Change Request"
REJECTED = "Rejected"
REJECT = "Reject"
