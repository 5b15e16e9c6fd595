-- Reference data owned by the budget service: the departments of central government.
CREATE TABLE department (
    code        varchar(16)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    name        varchar(200) NOT NULL,
    kind        varchar(32)  NOT NULL CHECK (kind IN ('MINISTERIAL', 'NON_MINISTERIAL', 'DEVOLVED_ADMINISTRATION', 'CENTRAL')),
    created_at  timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO department (code, name, kind) VALUES
    ('HMT',   'HM Treasury',                                          'CENTRAL'),
    ('CO',    'Cabinet Office',                                       'CENTRAL'),
    ('DHSC',  'Department of Health and Social Care',                 'MINISTERIAL'),
    ('DFE',   'Department for Education',                             'MINISTERIAL'),
    ('DEFRA', 'Department for Environment, Food and Rural Affairs',   'MINISTERIAL'),
    ('DFT',   'Department for Transport',                             'MINISTERIAL'),
    ('DWP',   'Department for Work and Pensions',                     'MINISTERIAL'),
    ('HO',    'Home Office',                                          'MINISTERIAL'),
    ('MOJ',   'Ministry of Justice',                                  'MINISTERIAL'),
    ('MOD',   'Ministry of Defence',                                  'MINISTERIAL'),
    ('DESNZ', 'Department for Energy Security and Net Zero',          'MINISTERIAL'),
    ('DSIT',  'Department for Science, Innovation and Technology',    'MINISTERIAL'),
    ('MHCLG', 'Ministry of Housing, Communities and Local Government','MINISTERIAL'),
    ('DBT',   'Department for Business and Trade',                    'MINISTERIAL'),
    ('DCMS',  'Department for Culture, Media and Sport',              'MINISTERIAL'),
    ('FCDO',  'Foreign, Commonwealth and Development Office',         'MINISTERIAL'),
    ('HMRC',  'HM Revenue and Customs',                               'NON_MINISTERIAL');
