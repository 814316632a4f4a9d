/**
 * The admission SPI: plugins the API layer calls on every write, after defaulting, as Kubernetes' admission
 * controllers. A {@link io.flotilla.api.admission.MutatingAdmission} may change the object (add a label, inject a
 * sidecar); a {@link io.flotilla.api.admission.ValidatingAdmission} may only accept or deny it (every Pod needs a
 * team label). Both see an {@link io.flotilla.api.admission.AdmissionRequest} and answer with an
 * {@link io.flotilla.api.admission.AdmissionDecision}; a denial becomes a typed error naming the plugin.
 */
package io.flotilla.api.admission;
