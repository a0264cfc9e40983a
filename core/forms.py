"""The GOV.UK error summary, for every form a citizen fills in."""


class ErrorSummaryMixin:
    """Adds ``error_summary()`` to a Django form: what the summary at the top of the page lists."""

    def error_summary(self):
        """(field id, message) pairs; a form-wide error links nowhere ("")."""
        items = [("", message) for message in self.non_field_errors()]
        for field in self:
            for message in field.errors:
                target = field.auto_id
                # Radios and checkboxes in a fieldset: the link goes to the first option.
                if field.use_fieldset and hasattr(field.field.widget, "input_type"):
                    target = f"{field.auto_id}_0"
                items.append((target, message))
        return items
