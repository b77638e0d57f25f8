// The shipped "Mid-market B2B SaaS" starter model, built from the ICP guides; its columns match data/sample-accounts.csv.
import type { Model } from '../model';

/**
 * The B2B SaaS starter model: firmographic 40 %, behavioral 30 %, intent 30 %, tiers A 80 / B 60 / C 0.
 * Returns a fresh deep copy on every call (the literal is rebuilt), so callers may mutate it freely.
 * Between them the criteria use all eleven operators, so the template doubles as a worked example.
 */
export function b2bSaasTemplate(): Model {
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: 'Mid-market B2B SaaS',
        description:
          'Why these accounts win: software and fintech companies of 51-1,000 employees and $10M-$500M revenue in ' +
          'North America and Western Europe, venture-backed (Series A-C), already running a CRM (Salesforce or ' +
          'HubSpot). They convert fastest when they show buying behaviour (site visits, content, a demo request) and ' +
          'a buying trigger (fresh funding, hiring sales reps, new leadership, a topic surge). Public-sector buyers ' +
          'and personal e-mail sign-ups are out; competitor customers rarely switch.',
        categories: [
          { id: 'firmographic', label: 'Firmographic', weight: 40 },
          { id: 'behavioral', label: 'Behavioral', weight: 30 },
          { id: 'intent', label: 'Intent', weight: 30 },
        ],
        criteria: [
          // Firmographic and technographic fit.
          {
            id: 'industry',
            label: 'SaaS, software, fintech or IT services',
            category: 'firmographic',
            column: 'Industry',
            when: { op: 'in', values: ['SaaS', 'Software', 'Fintech', 'IT Services'] },
            points: 30,
          },
          {
            id: 'employees',
            label: 'Company size (sweet spot 201-1,000)',
            category: 'firmographic',
            column: 'Employees',
            when: {
              op: 'bands',
              bands: [
                { min: 1, max: 50, points: 5, label: '1-50' },
                { min: 51, max: 200, points: 20, label: '51-200' },
                { min: 201, max: 1000, points: 30, label: '201-1,000' },
                { min: 1001, max: 5000, points: 15, label: '1,001-5,000' },
              ],
            },
          },
          {
            id: 'revenue',
            label: '$10M-$500M annual revenue',
            category: 'firmographic',
            column: 'Annual Revenue',
            when: { op: 'between', min: 10_000_000, max: 500_000_000 },
            points: 20,
          },
          {
            id: 'country',
            label: 'North America or Western Europe',
            category: 'firmographic',
            column: 'Country',
            when: {
              op: 'in',
              values: [
                'United States', 'USA', 'US', 'Canada', 'United Kingdom', 'UK', 'Germany', 'France',
                'Netherlands', 'Ireland', 'Sweden', 'Denmark', 'Australia',
              ],
            },
            points: 15,
          },
          {
            id: 'funding_stage',
            label: 'Series A-C',
            category: 'firmographic',
            column: 'Funding Stage',
            when: { op: 'in', values: ['Series A', 'Series B', 'Series C'] },
            points: 10,
          },
          {
            id: 'crm_stack',
            label: 'Runs Salesforce or HubSpot',
            category: 'firmographic',
            column: 'Tech Stack',
            when: { op: 'contains', values: ['Salesforce', 'HubSpot'] },
            points: 15,
            description: 'Technographic fit: our integrations need a CRM.',
          },
          {
            id: 'competitor_customer',
            label: 'Competitor customer',
            category: 'firmographic',
            column: 'Tech Stack',
            when: { op: 'contains', values: ['6sense', 'Demandbase', 'MadKudu'] },
            points: -15,
            description: 'Penalty: already uses a competing scoring tool and rarely switches mid-contract.',
          },
          {
            id: 'acquired',
            label: 'Acquired company',
            category: 'firmographic',
            column: 'Funding Stage',
            when: { op: 'equals', value: 'Acquired' },
            points: -10,
            description: 'Penalty: buying decisions move to the parent company.',
          },
          {
            id: 'size_must',
            label: '11-10,000 employees',
            category: 'firmographic',
            column: 'Employees',
            role: 'must',
            when: { op: 'between', min: 11, max: 10_000 },
            points: 10,
            description: 'Must-have: micro companies cannot afford us, giants buy through procurement we cannot serve.',
          },
          {
            id: 'public_sector',
            label: 'Public sector',
            category: 'firmographic',
            column: 'Industry',
            role: 'exclude',
            when: { op: 'in', values: ['Government', 'Public Sector', 'Education'] },
            description: 'Negative ICP: long procurement cycles and compliance needs we do not meet.',
          },
          {
            id: 'personal_email',
            label: 'Personal e-mail address',
            category: 'firmographic',
            column: 'Contact Email',
            role: 'exclude',
            when: { op: 'matches', pattern: '@(gmail|yahoo|hotmail|outlook|aol|icloud)\\.', flags: 'i' },
            description: 'Negative ICP: a personal sign-up, not a company buyer.',
          },
          // Behavioral signals.
          {
            id: 'website_visits',
            label: '5+ website visits in 30 days',
            category: 'behavioral',
            column: 'Website Visits (30d)',
            when: { op: 'gte', value: 5 },
            points: 25,
          },
          {
            id: 'dormant',
            label: 'No website visits in 30 days',
            category: 'behavioral',
            column: 'Website Visits (30d)',
            when: { op: 'lte', value: 0 },
            points: -10,
            description: 'Penalty: the account has gone quiet.',
          },
          {
            id: 'demo_requested',
            label: 'Requested a demo',
            category: 'behavioral',
            column: 'Demo Requested',
            when: { op: 'isTrue' },
            points: 35,
          },
          {
            id: 'content_downloads',
            label: '2+ content downloads',
            category: 'behavioral',
            column: 'Content Downloads',
            when: { op: 'gte', value: 2 },
            points: 15,
          },
          {
            id: 'known_contact',
            label: 'Has a named contact',
            category: 'behavioral',
            column: 'Contact Email',
            when: { op: 'notBlank' },
            points: 10,
          },
          // Intent signals and buying triggers.
          {
            id: 'recent_funding',
            label: 'Raised funding in the last 180 days',
            category: 'intent',
            column: 'Last Funding Date',
            when: { op: 'withinDays', days: 180 },
            points: 35,
          },
          {
            id: 'hiring_sales',
            label: 'Hiring sales reps',
            category: 'intent',
            column: 'Hiring Sales Reps',
            when: { op: 'isTrue' },
            points: 25,
          },
          {
            id: 'new_leadership',
            label: 'New leadership in the last 120 days',
            category: 'intent',
            column: 'Leadership Change Date',
            when: { op: 'withinDays', days: 120 },
            points: 20,
          },
          {
            id: 'intent_surge',
            label: 'High or medium topic surge',
            category: 'intent',
            column: 'Intent Topic Surge',
            when: { op: 'in', values: ['High', 'Medium'] },
            points: 20,
          },
        ],
        tiers: [
          { label: 'A', min: 80, color: '#1e8e3e' },
          { label: 'B', min: 60, color: '#f9ab00' },
          { label: 'C', min: 0, color: '#9aa0a6' },
        ],
        disqualifiedLabel: 'Disqualified',
      },
    ],
  };
}
