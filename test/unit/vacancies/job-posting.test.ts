import { describe, expect, it } from "vitest";
import { buildJobPosting, JOB_POSTING_RECOMMENDED, JOB_POSTING_REQUIRED, jsonLdScript, romeOffset } from "~/domain/vacancies/job-posting";
import { publicVacancy } from "./fixtures";

const opts = { baseUrl: "https://rosa.example.it", now: new Date("2026-12-01T10:00:00Z") };

describe("JobPosting JSON-LD", () => {
  it("has every property Google requires and the recommended ones we have", () => {
    const posting = buildJobPosting(publicVacancy(), opts);
    for (const p of [...JOB_POSTING_REQUIRED, ...JOB_POSTING_RECOMMENDED]) expect(posting, p).toHaveProperty(p);
    expect(posting["@context"]).toBe("https://schema.org/");
    expect(posting["@type"]).toBe("JobPosting");
    expect(posting.datePosted).toBe("2026-11-20");
    expect(posting.validThrough).toBe("2026-12-20T23:59:59+01:00");
    expect(posting.hiringOrganization).toEqual({ "@type": "Organization", name: "Panificio Lombardo S.r.l.", taxID: "01234567897" });
    expect(posting.jobLocation).toEqual({
      "@type": "Place",
      address: { "@type": "PostalAddress", addressLocality: "Segrate", addressRegion: "MI", addressCountry: "IT" },
    });
    expect(posting.employmentType).toEqual(["FULL_TIME", "TEMPORARY"]);
    expect(posting.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "EUR",
      value: { "@type": "QuantitativeValue", minValue: 1600, maxValue: 1900, unitText: "MONTH" },
    });
    expect(posting.identifier).toMatchObject({ "@type": "PropertyValue", value: "1042" });
    expect(posting.totalJobOpenings).toBe(2);
    expect(posting.experienceRequirements).toEqual({ "@type": "OccupationalExperienceRequirements", monthsOfExperience: 24 });
    expect(posting.educationRequirements).toEqual({
      "@type": "EducationalOccupationalCredential",
      credentialCategory: "professional certificate",
    });
    expect(posting.url).toBe("https://rosa.example.it/offerte/4f9d8c4e-0000-4000-8000-000000000001");
  });

  it("writes an HTML description with escaped text, the requirements and the equal-opportunity notice", () => {
    const html = buildJobPosting(publicVacancy(), opts).description as string;
    expect(html).toContain("<p>Produzione di pane.</p><p>Laboratorio artigianale &lt;storico&gt;.</p>");
    expect(html).toContain("<li>2 anni di esperienza (indispensabile)</li>");
    expect(html).toContain("<li>Inglese A2 (preferibile)</li>");
    expect(html).toMatch(/dell'uno e dell'altro sesso/);
  });

  it("names the Centro per l'Impiego for anonymous vacancies", () => {
    const posting = buildJobPosting(publicVacancy({ employerName: null, employerTaxCode: null, publicationMode: "anonymous" }), {
      ...opts,
      cpiName: "CPI di Milano",
    });
    expect(posting.hiringOrganization).toEqual({ "@type": "Organization", name: "CPI di Milano" });
  });

  it("omits the salary when none is given and uses a single value when min = max", () => {
    expect(buildJobPosting(publicVacancy({ payMin: null, payMax: null }), opts)).not.toHaveProperty("baseSalary");
    const single = buildJobPosting(publicVacancy({ payMin: 9.5, payMax: 9.5, payPeriod: "hour" }), opts).baseSalary as { value: object };
    expect(single.value).toEqual({ "@type": "QuantitativeValue", value: 9.5, unitText: "HOUR" });
  });

  it("uses the summer offset in Italy and keeps </script> out of the markup", () => {
    expect(romeOffset("2026-07-01")).toBe("+02:00");
    expect(romeOffset("2026-01-15")).toBe("+01:00");
    expect(jsonLdScript({ t: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
