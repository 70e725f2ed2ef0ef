/**
 * The write side's HTTP edge (issue 4): turns HTTP commands into Avro command records on Kafka and
 * answers with the events they caused or the rule they broke.
 */
package io.cairn.gateway;
