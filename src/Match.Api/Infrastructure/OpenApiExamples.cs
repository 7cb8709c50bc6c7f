namespace Match.Api.Infrastructure;

/// <summary>Request examples shown in Swagger UI: a job posting and a résumé written for Match, fictional people and companies.</summary>
public static class OpenApiExamples
{
    public const string Posting = """
        Senior Data Engineer – Payments Platform

        Northwind Logistics moves 40 million parcels a year across Europe. Our payments team is looking for a data engineer to own
        the pipelines behind invoicing, carrier settlement and fraud signals.

        Minimum qualifications:
        - Bachelor's degree in Computer Science, Engineering or a related field, or equivalent practical experience.
        - 5+ years of experience building data pipelines with Python and SQL.
        - Experience with Apache Spark or Apache Beam.

        Preferred qualifications:
        - Experience with Kubernetes and Terraform.
        - Working knowledge of German.
        - AWS Certified Data Engineer – Associate.

        We offer a hybrid setup in Rotterdam, a learning budget and 28 days of leave.
        """;

    public const string Resume = """
        Jordan Avery
        Data Engineer · Rotterdam, Netherlands · jordan.avery@example.com

        Summary
        Data engineer with seven years of experience building batch and streaming pipelines for logistics and retail.

        Experience
        Senior Data Engineer, Harbourline Analytics — March 2020 to present
        - Built Apache Spark pipelines in Python and SQL that settle 2 million carrier invoices a month.
        - Moved the batch platform to Kubernetes with Terraform; cut nightly run time from 5 hours to 70 minutes.
        Data Engineer, Tulip Retail — September 2017 to February 2020
        - Designed the sales data warehouse in PostgreSQL and wrote Airflow jobs feeding it.

        Education
        BSc Computer Science, Delft University of Technology, 2017

        Skills
        Python, SQL, Apache Spark, Airflow, Kubernetes, Terraform, AWS, PostgreSQL

        Languages
        English (fluent), Dutch (native), German (intermediate)

        Certifications
        AWS Certified Data Engineer – Associate
        """;
}
