package io.cairn.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded broker's own certificate authority and the certificate it serves TLS with, made at
 * its first secure start: a CA only this data directory knows, and a broker certificate for
 * 127.0.0.1 and localhost that it signs. Clients trust the CA's certificate (the truststore); the
 * broker proves itself with its key (the keystore), to clients and to its own controller.
 */
final class BrokerCertificates {
  /** The broker's name in its certificate, and so its principal on the controller listener. */
  static final String BROKER_DN = "CN=cairn-embedded-broker";

  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private BrokerCertificates() {}

  /**
   * Writes the keystore (the broker's key and chain) and the truststore (the CA's certificate),
   * both PKCS12 under the password.
   */
  static void write(Path keystore, Path truststore, char[] password) {
    try {
      KeyPair ca = keyPair();
      X509Certificate caCertificate = caCertificate(ca);
      KeyPair broker = keyPair();
      X509Certificate brokerCertificate = brokerCertificate(broker, ca.getPrivate(), caCertificate);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "broker",
          broker.getPrivate(),
          password,
          new Certificate[] {brokerCertificate, caCertificate});
      store(keys, keystore, password);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("cairn-embedded-ca", caCertificate);
      store(trusted, truststore, password);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot make the embedded broker's certificates", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded broker's certificates", e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(KeyPair ca)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name name = new X500Name("CN=Cairn embedded broker CA");
    X509v3CertificateBuilder builder = builder(name, name, ca);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(builder, ca.getPrivate());
  }

  private static X509Certificate brokerCertificate(
      KeyPair broker, PrivateKey caKey, X509Certificate ca)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X509v3CertificateBuilder builder =
        builder(
            X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
            new X500Name(BROKER_DN),
            broker);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, BrokerSettings.HOST),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    return sign(builder, caKey);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
  }

  private static void store(KeyStore store, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
  }
}
