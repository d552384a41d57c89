package io.consentplatform.core.scan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The findings of one scan an editor adds to the site's draft at once. */
public record AdoptionRequest(@NotEmpty @Size(max = 500) List<@Valid @NotNull Adoption> findings) {}
