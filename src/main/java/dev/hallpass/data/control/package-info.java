/**
 * The rules of shared data without I/O: what a name and a document may be ({@link dev.hallpass.data.control.DataRules}),
 * versions and preconditions ({@link dev.hallpass.data.control.Preconditions}), the stored form
 * ({@link dev.hallpass.data.control.DataDocument}), the change events and the {@link dev.hallpass.data.control.DataStore} port.
 */
package dev.hallpass.data.control;
